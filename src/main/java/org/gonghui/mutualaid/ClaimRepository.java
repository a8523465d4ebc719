package org.gonghui.mutualaid;

import java.util.List;
import org.springframework.data.repository.CrudRepository;

interface ClaimRepository extends CrudRepository<Claim, Long> {

    List<Claim> findByMemberIdOrderByIdDesc(long memberId);
}
