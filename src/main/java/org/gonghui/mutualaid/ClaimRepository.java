package org.gonghui.mutualaid;

import org.springframework.data.repository.CrudRepository;

interface ClaimRepository extends CrudRepository<Claim, Long> {
}
