package org.outreachexchange.evaluation.domain;

import java.util.Map;

/** The source document's categories; derived from the elements, never set by hand. */
public enum Category {
    CATEGORY_1, CATEGORY_2, CATEGORY_3, CATEGORY_4, BEYOND_CATEGORIES;

    /**
     * The first element that is not SUFFICIENT decides the category. UNCERTAIN counts as not sufficient: an element
     * nobody can vouch for still needs outreach.
     */
    public static Category derive(Map<Element, Sufficiency> elements) {
        Element[] order = Element.values();
        for (int i = 0; i < order.length; i++) {
            if (elements.get(order[i]) != Sufficiency.SUFFICIENT) {
                return values()[i];
            }
        }
        return BEYOND_CATEGORIES;
    }
}
