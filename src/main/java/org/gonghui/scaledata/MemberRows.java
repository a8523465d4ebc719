package org.gonghui.scaledata;

import java.time.LocalDate;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.PhoneNumber;
import org.gonghui.shared.crypto.Masking;
import org.gonghui.shared.crypto.PersonalDataCipher;

/**
 * Writes generated people as lines of PostgreSQL's COPY text format, sealed as the member registry seals
 * them: ID number and phone encrypted with the platform's {@link PersonalDataCipher}, its keyed hash for
 * look-up and the masked copy from {@link IdNumber#masked()} and {@link PhoneNumber#masked()}; gender and
 * birth date read from the ID number. Each member gets its first history line ("register"), and a second
 * one if it has since left or transferred out.
 */
final class MemberRows {

    static final String COPY_MEMBERS = "copy member (id, name, gender, birth_date, id_number_enc, id_number_hash, "
            + "id_number_masked, phone_enc, phone_hash, phone_masked, org_id, member_type, status, joined_on, card_number, "
            + "created_at, updated_at, version) from stdin";
    static final String COPY_HISTORY = "copy member_status_change (id, member_id, status, org_id, changed_at, changed_by, "
            + "reason) from stdin";

    static final String ACTOR = "system";
    static final String REASON = "scale data";
    /** Records are dated in China's time zone: 09:00 on the day someone joined, 10:00 on the day of a change. */
    private static final String JOIN_TIME = " 09:00:00+08";
    private static final String CHANGE_TIME = " 10:00:00+08";

    private final PersonalDataCipher cipher;
    private final long historyOffset;

    /** {@code historyOffset}: ids of second history lines start after it, so they never meet the first ones. */
    MemberRows(PersonalDataCipher cipher, long historyOffset) {
        this.cipher = cipher;
        this.historyOffset = historyOffset;
    }

    void member(StringBuilder out, Person person) {
        IdNumber id = new IdNumber(person.idNumber());
        PhoneNumber phone = new PhoneNumber(person.phone());
        String created = person.joinedOn() + JOIN_TIME;
        String updated = person.statusChangedOn() == null ? created : person.statusChangedOn() + CHANGE_TIME;
        out.append(person.memberId()).append('\t').append(person.name()).append('\t').append(id.gender().name())
                .append('\t').append(id.birthDate()).append('\t')
                .append(cipher.encrypt(id.value())).append('\t').append(cipher.hash(id.value())).append('\t')
                .append(id.masked()).append('\t')
                .append(cipher.encrypt(phone.value())).append('\t').append(cipher.hash(phone.value())).append('\t')
                .append(phone.masked()).append('\t')
                .append(person.orgId()).append('\t').append(person.type().name()).append('\t')
                .append(person.status().name()).append('\t').append(person.joinedOn()).append('\t')
                .append(person.cardNumber() == null ? "\\N" : Masking.bankAccount(person.cardNumber())).append('\t')
                .append(created).append('\t').append(updated).append("\t0\n");
    }

    void history(StringBuilder out, Person person) {
        line(out, person.memberId(), person, MemberStatus.ACTIVE, person.joinedOn(), JOIN_TIME);
        if (person.statusChangedOn() != null) {
            line(out, historyOffset + person.memberId(), person, person.status(), person.statusChangedOn(), CHANGE_TIME);
        }
    }

    private static void line(StringBuilder out, long id, Person person, MemberStatus status, LocalDate day, String time) {
        out.append(id).append('\t').append(person.memberId()).append('\t').append(status.name()).append('\t')
                .append(person.orgId()).append('\t').append(day).append(time).append('\t').append(ACTOR).append('\t')
                .append(REASON).append('\n');
    }
}
