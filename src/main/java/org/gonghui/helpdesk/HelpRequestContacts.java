package org.gonghui.helpdesk;

import java.util.List;
import org.gonghui.member.MemberLookup;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How to reach the person behind a request, in clear, for staff who may see the request (as in the member
 * registry: one value at a time, every reveal audit-logged). Pages show the masked name and phone until then.
 */
@Service
public class HelpRequestContacts {

    private final HelpRequests requests;
    private final Members members;
    private final MemberLookup lookup;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;

    HelpRequestContacts(HelpRequests requests, Members members, MemberLookup lookup, PersonalDataCipher cipher,
            AuditLog audit) {
        this.requests = requests;
        this.members = members;
        this.lookup = lookup;
        this.cipher = cipher;
        this.audit = audit;
    }

    /** The contact's name and phone in clear: the phone given with the request, else the member's own. */
    @Transactional
    public Contact reveal(CurrentUser staff, long id) {
        if (staff == null || !staff.isStaff() || !(staff.has(Role.STAFF) || staff.has(Role.ADMIN))) {
            throw DomainException.forbidden("error.forbidden");
        }
        HelpRequest request = requests.readable(staff, id);
        audit.record("helpdesk.request.reveal-contact", "help_request", id, null);
        String name = request.contactNameEnc() == null ? null : cipher.decrypt(request.contactNameEnc());
        String phone = request.contactPhoneEnc() == null ? null : cipher.decrypt(request.contactPhoneEnc());
        if (request.memberId() != null) {
            MemberLookup.Listed member = lookup.byIds(List.of(request.memberId())).get(request.memberId());
            if (member != null) {
                name = member.name();
                if (phone == null) {
                    // the request's scope decides; the member module logs its own reveal as well
                    phone = members.reveal(new TreePath(member.orgPath()), member.memberId(), PersonalField.PHONE);
                }
            }
        }
        return new Contact(name, phone);
    }

    /** A contact in clear. */
    public record Contact(String name, String phone) {
    }
}
