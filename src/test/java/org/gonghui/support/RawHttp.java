package org.gonghui.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket from a chosen loopback address (127.0.0.2, 127.0.0.3 … are all this machine on
 * Linux), through the real Tomcat: what the server sees as the client's address, and what reaches it through
 * forwarded headers, cannot be tried with MockMvc. Every request is sent with {@code Connection: close}.
 */
public final class RawHttp {

    private final String from;
    private final int port;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private RawHttp(String from, int port) {
        this.from = from;
        this.port = port;
    }

    /** A client connecting from {@code localAddress} to the application on {@code port} at 127.0.0.1. */
    public static RawHttp from(String localAddress, int port) {
        return new RawHttp(localAddress, port);
    }

    public RawHttp header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Response get(String path) throws IOException {
        return send("GET", path, null, null);
    }

    public Response post(String path, String contentType, String body) throws IOException {
        return send("POST", path, contentType, body);
    }

    public Response send(String method, String path, String contentType, String body) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(bytes.length)
                    .append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return exchange(head.toString().getBytes(StandardCharsets.UTF_8), bytes);
    }

    /** Sends the bytes as they are (a head without a body, chunks …) and reads one answer. */
    public Response exchange(byte[]... parts) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            for (byte[] part : parts) {
                out.write(part);
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = first(headers, "content-length");
        if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length)));
        } else if ("chunked".equalsIgnoreCase(first(headers, "transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else {
            body.write(in.readAllBytes());
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** One answer: status, headers (names in lower case) and body. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return first(headers, name.toLowerCase(Locale.ROOT));
        }

        public List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        /** The session cookie's {@code name=value}, if one was set. */
        public String sessionCookie() {
            return all("set-cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.split(";")[0])
                    .findFirst().orElse(null);
        }
    }
}
