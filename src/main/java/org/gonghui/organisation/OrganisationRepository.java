package org.gonghui.organisation;

import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

interface OrganisationRepository extends CrudRepository<Organisation, Long> {

    Optional<Organisation> findByCode(String code);
}
