package org.gonghui.member;

import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

interface MemberRepository extends CrudRepository<Member, Long> {

    Optional<Member> findByIdNumberHash(String hash);

    Optional<Member> findByPhoneHash(String hash);

}
