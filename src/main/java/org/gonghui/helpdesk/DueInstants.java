package org.gonghui.helpdesk;

import org.springframework.data.relational.core.mapping.event.BeforeConvertCallback;
import org.springframework.stereotype.Component;

/**
 * Before a request is saved, its time-limit version (the one in force at receipt) and its three deadlines are
 * set from its facts of the moment: at submission, and after every pause, resumption, reply or change of
 * difficulty, whichever service method saved it. The light itself is stored by the {@link LightJob}, which records
 * each change in the history.
 */
@Component
class DueInstants implements BeforeConvertCallback<HelpRequest> {

    private final LightRefresh refresh;

    DueInstants(LightRefresh refresh) {
        this.refresh = refresh;
    }

    @Override
    public HelpRequest onBeforeConvert(HelpRequest request) {
        TimeLimitVersion version = refresh.versionOf(request.timeLimitVersion(), request.receivedAt());
        request.clock(version.id(), refresh.current(request));
        return request;
    }
}
