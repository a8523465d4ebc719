package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.gonghui.member.MemberLookup;
import org.gonghui.member.MemberView;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class MemberDirectoryTests {

    private final MemberLookup lookup = mock(MemberLookup.class);
    private final MemberView member = mock(MemberView.class);
    private final JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
    private final AtomicLong now = new AtomicLong();
    private final MemberDirectory directory = new MemberDirectory(lookup, jdbc, now::get);

    MemberDirectoryTests() {
        when(lookup.view(7L)).thenReturn(Optional.of(member));
        when(jdbc.sql(anyString()).param(anyString(), any()).param(anyString(), any()).query(Timestamp.class).optional())
                .thenReturn(Optional.empty());
    }

    @Test
    void aRegistrationLooksTheMemberUpAgainOnceTheirFactsAreFiveMinutesOld() {
        directory.require(7);
        now.set(MemberDirectory.TTL_NANOS - 1);
        directory.require(7);
        verify(lookup, times(1)).view(7L);
        now.set(MemberDirectory.TTL_NANOS);
        directory.require(7);
        verify(lookup, times(2)).view(7L);
    }

    @Test
    void aRefusalUsesTheFactsLastLookedUpHoweverOldAndNeverLooksUp() {
        assertThat(directory.known(7)).isEmpty();
        directory.require(7);
        now.set(10 * MemberDirectory.TTL_NANOS);
        assertThat(directory.known(7)).map(MemberDirectory.Facts::member).contains(member);
        verify(lookup, times(1)).view(7L);
        directory.forget(7);
        assertThat(directory.known(7)).isEmpty();
    }

    @Test
    void aRefusalLooksUpAMemberThisInstanceHasNotSeenOnceThenUsesThoseFactsHoweverOld() {
        assertThat(directory.forRefusal(7)).map(MemberDirectory.Facts::member).contains(member);
        now.set(10 * MemberDirectory.TTL_NANOS);
        assertThat(directory.forRefusal(7)).map(MemberDirectory.Facts::member).contains(member);
        verify(lookup, times(1)).view(7L);
    }

    @Test
    void aRefusalForAMemberThatCannotBeLookedUpIsLeftToTheNormalWay() {
        assertThat(directory.forRefusal(8)).isEmpty();
        when(lookup.view(9L)).thenThrow(new org.springframework.dao.DataAccessResourceFailureException("down"));
        assertThat(directory.forRefusal(9)).isEmpty();
    }
}
