package org.gonghui.helpdesk;

import org.springframework.data.repository.CrudRepository;

interface HelpRequestRepository extends CrudRepository<HelpRequest, Long> {
}
