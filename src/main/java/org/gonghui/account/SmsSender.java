package org.gonghui.account;

/**
 * Sends a text message to a phone. The platform ships a development sender that writes to the log; a
 * deployment provides its own bean (the operator's SMS gateway) and the default steps aside.
 */
public interface SmsSender {

    void send(String phone, String text);
}
