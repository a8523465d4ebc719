package org.gonghui.member;

import java.time.Instant;
import java.time.LocalDate;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.crypto.Masking;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A union member in the real-name registry. Personal values are held only in sealed form. */
@Table("member")
class Member {

    static final int MAX_NAME = 50;

    @Id
    private Long id;
    private String name;
    private Gender gender;
    private LocalDate birthDate;
    private String idNumberEnc;
    private String idNumberHash;
    private String idNumberMasked;
    private String phoneEnc;
    private String phoneHash;
    private String phoneMasked;
    private String bankAccountEnc;
    private String bankAccountMasked;
    private Long orgId;
    private MemberType memberType;
    private MemberStatus status;
    private LocalDate joinedOn;
    private String cardNumber;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer version;

    @PersistenceCreator
    Member(Long id, String name, Gender gender, LocalDate birthDate, String idNumberEnc, String idNumberHash,
            String idNumberMasked, String phoneEnc, String phoneHash, String phoneMasked, String bankAccountEnc,
            String bankAccountMasked, Long orgId, MemberType memberType, MemberStatus status, LocalDate joinedOn,
            String cardNumber, Instant createdAt, Instant updatedAt, Integer version) {
        this.id = id;
        this.name = name;
        this.gender = gender;
        this.birthDate = birthDate;
        this.idNumberEnc = idNumberEnc;
        this.idNumberHash = idNumberHash;
        this.idNumberMasked = idNumberMasked;
        this.phoneEnc = phoneEnc;
        this.phoneHash = phoneHash;
        this.phoneMasked = phoneMasked;
        this.bankAccountEnc = bankAccountEnc;
        this.bankAccountMasked = bankAccountMasked;
        this.orgId = orgId;
        this.memberType = memberType;
        this.status = status;
        this.joinedOn = joinedOn;
        this.cardNumber = cardNumber;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    static Member register(String name, IdNumber idNumber, Sealed sealedId, Sealed sealedPhone, long orgId,
            MemberType type, LocalDate joinedOn, String cardNumber, LocalDate today) {
        if (type == null) {
            throw DomainException.invalid("member.type.required");
        }
        LocalDate joined = joinedOn == null ? today : joinedOn;
        if (joined.isAfter(today) || joined.isBefore(idNumber.birthDate())) {
            throw DomainException.invalid("member.joined-on.invalid");
        }
        Instant now = Instant.now();
        return new Member(null, checkedName(name), idNumber.gender(), idNumber.birthDate(), sealedId.encrypted(),
                sealedId.hash(), sealedId.masked(), sealedPhone.encrypted(), sealedPhone.hash(), sealedPhone.masked(),
                null, null, orgId, type, MemberStatus.ACTIVE, joined, maskedCard(cardNumber), now, now, null);
    }

    /** Moves the member to another employer's union; only active members can be transferred. */
    void transferTo(long newOrgId) {
        requireActive();
        if (orgId == newOrgId) {
            throw DomainException.invalid("member.transfer.same-organisation");
        }
        this.orgId = newOrgId;
        touch();
    }

    void changeStatus(MemberStatus newStatus) {
        if (newStatus == null || newStatus == status) {
            throw DomainException.invalid("member.status.unchanged");
        }
        this.status = newStatus;
        touch();
    }

    void changeContact(String newName, Sealed newPhone, MemberType newType, String newCardNumber) {
        this.name = checkedName(newName);
        if (newPhone != null) {
            this.phoneEnc = newPhone.encrypted();
            this.phoneHash = newPhone.hash();
            this.phoneMasked = newPhone.masked();
        }
        if (newType != null) {
            this.memberType = newType;
        }
        if (newCardNumber != null && !newCardNumber.isBlank()) {
            this.cardNumber = maskedCard(newCardNumber);
        }
        touch();
    }

    void changeBankAccount(Sealed account) {
        this.bankAccountEnc = account.encrypted();
        this.bankAccountMasked = account.masked();
        touch();
    }

    private void requireActive() {
        if (status != MemberStatus.ACTIVE) {
            throw DomainException.conflict("member.not-active");
        }
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }

    static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("member.name.required");
        }
        String trimmed = name.trim();
        if (trimmed.length() > MAX_NAME) {
            throw DomainException.invalid("member.name.too-long", MAX_NAME);
        }
        return trimmed;
    }

    /** The registry keeps only the masked card number; the card module keeps the number sealed. */
    static String maskedCard(String card) {
        String digits = checkedCard(card);
        return digits == null ? null : Masking.bankAccount(digits);
    }

    static String checkedCard(String card) {
        if (card == null || card.isBlank()) {
            return null;
        }
        String digits = card.replace(" ", "");
        if (!org.gonghui.shared.BankCardNumbers.isValid(digits)) {
            throw DomainException.invalid("member.card.invalid");
        }
        return digits;
    }

    Long id() {
        return id;
    }

    long orgId() {
        return orgId;
    }

    MemberStatus status() {
        return status;
    }

    String idNumberEnc() {
        return idNumberEnc;
    }

    String phoneEnc() {
        return phoneEnc;
    }

    String bankAccountEnc() {
        return bankAccountEnc;
    }

    String name() {
        return name;
    }

    MemberView view(String orgName, String orgPath) {
        return new MemberView(id, name, gender, birthDate, idNumberMasked, phoneMasked, bankAccountMasked, orgId,
                orgName, orgPath, memberType, status, joinedOn, cardNumber);
    }
}
