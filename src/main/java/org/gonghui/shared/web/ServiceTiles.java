package org.gonghui.shared.web;

import java.util.List;
import org.gonghui.shared.security.CurrentUser;

/**
 * What a module offers the signed-in member on the portal's home page, implemented by each module that serves
 * members (the home page collects every implementation). Status lines must be cheap: a count or a look-up.
 */
public interface ServiceTiles {

    List<ServiceTile> tilesFor(CurrentUser member);
}
