package org.outreachexchange.infra.fuzz;

import java.util.List;
import java.util.Map;

/**
 * Bodies each service accepts, by operation, which the generator starts from half the time: a schema alone cannot say
 * that a schedule is a month or two ordered dates, or that criteria weights sum to 1, and without accepted requests the
 * fuzz never reaches what lies behind them (ids to revise, complete, concur with, replay).
 */
public final class FuzzExamples {

    private FuzzExamples() {
    }

    private static final String ACTIVITY = """
            {"type":"INDUSTRY_OUTREACH_SEMINAR","title":"Industrial outreach seminar in Kuala Lumpur","recipients":["MY"],
             "schedule":{"start":"2008-12-02","end":"2008-12-03"},"location":"Kuala Lumpur",
             "agenda":["Catch-all controls","Internal compliance programmes"],
             "objectives":[{"element":"INDUSTRY_COOPERATION","text":"Gain cooperation of industries"}]}""";
    private static final String MONTH_ACTIVITY = """
            {"type":"MULTILATERAL_SEMINAR","title":"Asia Export Control Seminar","recipients":["TH","PH"],
             "schedule":{"month":"2008-10"},"status":"PROPOSED","distribution":{"scope":"NAMED_PARTNERS","governments":["US"]}}""";

    public static final Map<String, List<String>> SCHEDULING = Map.of(
            "POST /activities", List.of(ACTIVITY, MONTH_ACTIVITY),
            "PUT /activities/{id}", List.of(ACTIVITY, MONTH_ACTIVITY),
            "POST /activities/{id}/completion", List.of("""
                    {"summary":"Held with 120 participants","participants":["METI","CISTEC"],"completedOn":"2008-12-03",
                     "findings":[{"country":"MY","element":"INDUSTRY_COOPERATION","assessment":"INSUFFICIENT","evidence":"Few firms have programmes"}]}"""),
            "POST /activities/{id}/cancellation", List.of("{\"reason\":\"Postponed at the host's request\"}"));

    private static final String WEIGHTS = """
            {"weights":{"TECHNOLOGY_LEVEL":0.3,"TRADE_VOLUME":0.3,"GEOGRAPHIC_LOCATION":0.2,"TIES_TO_COUNTRIES_OF_CONCERN":0.2},
             "highThreshold":0.6,"rationale":"Trade weighs more"}""";

    public static final Map<String, List<String>> EVALUATION = Map.of(
            "POST /assessments", List.of("""
                    {"country":"MY","rationale":"Strategic trade act passed",
                     "elements":{"LAWS_AND_REGULATIONS":{"assessment":"SUFFICIENT","evidence":"Strategic Trade Act 2010"}}}""",
                    "{\"country\":\"TH\",\"rationale\":\"Trade grew\",\"factors\":{\"TRADE_VOLUME\":0.8}}"),
            "POST /criteria", List.of(WEIGHTS),
            "POST /criteria/previews", List.of(WEIGHTS),
            "POST /proposals/{id}/concurrences", List.of("{\"comment\":\"Agreed\"}", "{}"),
            "POST /proposals/{id}/objections", List.of("{\"comment\":\"Not yet\"}"));

    private static final String SUBSCRIPTION = "{\"kind\":\"SCHEDULES\",\"channel\":\"SSE\",\"filters\":{\"governments\":[\"JP\"]}}";

    public static final Map<String, List<String>> GATEWAY = Map.of(
            "POST /subscriptions", List.of(SUBSCRIPTION, "{\"kind\":\"REEVALUATIONS\",\"channel\":\"ICALENDAR\"}",
                    "{\"kind\":\"NOTICES\",\"channel\":\"WEBHOOK\",\"url\":\"https://partner.example/hooks/notices\"}"),
            "PUT /subscriptions/{id}", List.of(SUBSCRIPTION, "{\"kind\":\"SCHEDULES\",\"channel\":\"SSE\",\"active\":false}"),
            "POST /activities/{id}/acknowledgements", List.of("{\"verdict\":\"CONCUR\"}", "{\"verdict\":\"CONCERN\",\"comment\":\"Clashes with ours\"}"));
}
