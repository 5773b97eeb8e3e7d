package org.outreachexchange.evaluation.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The starting evaluation: Annex I of the source document ("Current Status of Export Control in Asia (tentative)").
 * The document gives categories and High/Low risk only; the factor scores are this project's tentative reading,
 * chosen so that the default criteria (version 1) reproduce exactly the document's bands.
 */
public final class AnnexI {

    public static final LocalDate DATE = LocalDate.of(2008, 6, 20);
    public static final String SOURCE = ReferenceData.SOURCE + ", Annex I";

    /** One economy as Annex I lists it, with factor scores in the order of {@link Factor}. */
    public record Entry(String country, String name, Category category, RiskBand band, double technology, double trade,
                        double location, double ties) {

        public Map<Factor, BigDecimal> factors() {
            Map<Factor, BigDecimal> factors = new EnumMap<>(Factor.class);
            factors.put(Factor.TECHNOLOGY_LEVEL, BigDecimal.valueOf(technology));
            factors.put(Factor.TRADE_VOLUME, BigDecimal.valueOf(trade));
            factors.put(Factor.GEOGRAPHIC_LOCATION, BigDecimal.valueOf(location));
            factors.put(Factor.TIES_TO_COUNTRIES_OF_CONCERN, BigDecimal.valueOf(ties));
            return factors;
        }

        /**
         * Elements consistent with the category: those before the category's element are sufficient, the category's
         * element and those after it insufficient (a country without laws has no enforcement of them either).
         */
        public Map<Element, ElementEvidence> elements() {
            Map<Element, ElementEvidence> elements = new EnumMap<>(Element.class);
            String placed = "Annex I places " + name + " in " + label(category) + ".";
            for (Element element : Element.values()) {
                boolean sufficient = element.ordinal() < category.ordinal();
                elements.put(element, new ElementEvidence(sufficient ? Sufficiency.SUFFICIENT : Sufficiency.INSUFFICIENT,
                        placed + (sufficient ? " The category presumes this element established." : element.ordinal() == category.ordinal()
                                ? " This is the element the category lacks." : " The category lacks an earlier element."),
                        SOURCE, DATE));
            }
            return elements;
        }
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry("TH", "Thailand", Category.CATEGORY_1, RiskBand.HIGH, 0.7, 0.7, 0.6, 0.6),
            new Entry("PH", "Philippines", Category.CATEGORY_1, RiskBand.HIGH, 0.6, 0.6, 0.6, 0.7),
            new Entry("ID", "Indonesia", Category.CATEGORY_1, RiskBand.HIGH, 0.5, 0.6, 0.7, 0.7),
            new Entry("VN", "Vietnam", Category.CATEGORY_1, RiskBand.HIGH, 0.5, 0.6, 0.8, 0.8),
            new Entry("MN", "Mongolia", Category.CATEGORY_1, RiskBand.LOW, 0.2, 0.2, 0.9, 0.7),
            new Entry("KH", "Cambodia", Category.CATEGORY_1, RiskBand.LOW, 0.2, 0.3, 0.7, 0.6),
            new Entry("LA", "Laos", Category.CATEGORY_1, RiskBand.LOW, 0.1, 0.2, 0.8, 0.6),
            new Entry("MM", "Myanmar", Category.CATEGORY_1, RiskBand.LOW, 0.2, 0.3, 0.8, 0.8),
            new Entry("BN", "Brunei Darussalam", Category.CATEGORY_1, RiskBand.LOW, 0.2, 0.2, 0.4, 0.2),
            new Entry("BD", "Bangladesh", Category.CATEGORY_1, RiskBand.LOW, 0.2, 0.3, 0.4, 0.4),
            new Entry("LK", "Sri Lanka", Category.CATEGORY_1, RiskBand.LOW, 0.2, 0.2, 0.4, 0.4),
            new Entry("MY", "Malaysia", Category.CATEGORY_2, RiskBand.LOW, 0.6, 0.7, 0.5, 0.5),
            new Entry("CN", "China", Category.CATEGORY_3, RiskBand.LOW, 0.8, 0.9, 0.4, 0.1),
            new Entry("IN", "India", Category.CATEGORY_3, RiskBand.LOW, 0.7, 0.6, 0.3, 0.3),
            new Entry("PK", "Pakistan", Category.CATEGORY_3, RiskBand.LOW, 0.4, 0.3, 0.6, 0.7),
            new Entry("AE", "United Arab Emirates", Category.CATEGORY_3, RiskBand.LOW, 0.4, 0.8, 0.6, 0.5),
            new Entry("KR", "Republic of Korea", Category.CATEGORY_4, RiskBand.LOW, 0.9, 0.8, 0.3, 0.2),
            new Entry("TW", "Chinese Taipei", Category.CATEGORY_4, RiskBand.LOW, 0.9, 0.8, 0.3, 0.1),
            new Entry("SG", "Singapore", Category.CATEGORY_4, RiskBand.LOW, 0.8, 0.9, 0.2, 0.3),
            new Entry("HK", "Hong Kong", Category.CATEGORY_4, RiskBand.LOW, 0.7, 0.9, 0.3, 0.2));

    /** Criteria version 1, under which the entries' factor scores give Annex I's bands. */
    public static Criteria defaultCriteria() {
        Map<Factor, BigDecimal> weights = new EnumMap<>(Factor.class);
        weights.put(Factor.TECHNOLOGY_LEVEL, new BigDecimal("0.25"));
        weights.put(Factor.TRADE_VOLUME, new BigDecimal("0.25"));
        weights.put(Factor.GEOGRAPHIC_LOCATION, new BigDecimal("0.20"));
        weights.put(Factor.TIES_TO_COUNTRIES_OF_CONCERN, new BigDecimal("0.30"));
        return new Criteria(1, weights, new BigDecimal("0.60"));
    }

    private AnnexI() {
    }

    private static String label(Category category) {
        return "Category " + (category.ordinal() + 1);
    }
}
