package org.gonghui.organisation;

/**
 * Published synchronously, inside the transaction, just before an organisation is closed. A module that
 * still holds live records at the organisation (members, open requests) refuses by throwing a
 * {@link org.gonghui.shared.DomainException}, which rolls the close back.
 */
@org.gonghui.shared.events.StaysInProcess
public record OrganisationClosing(long organisationId, String name) {
}
