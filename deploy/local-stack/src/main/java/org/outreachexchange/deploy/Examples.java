package org.outreachexchange.deploy;

/** The copy-paste calls the launcher prints once the stack is ready. */
final class Examples {

    private Examples() {
    }

    static String text(LocalStack stack) {
        String jp = stack.url(ServiceSpec.scheduling("JP"));
        String gateway = stack.url(ServiceSpec.GATEWAY);
        String evaluation = stack.url(ServiceSpec.EVALUATION);
        String tokens = stack.layout().dataDir().resolve("tokens.env").toString();
        String jpEventKey = stack.layout().keysDir().resolve("JP-events.pub").toString();
        return """
                Try it (first: source %s):

                  # 1. JP/METI plans an industrial outreach seminar in Malaysia
                  curl -s -X POST %s/activities -H "Authorization: Bearer $JP_TOKEN" \\
                       -H 'Content-Type: application/json' -H 'Idempotency-Key: try-it-1' \\
                       -d '{"type":"INDUSTRY_OUTREACH_SEMINAR","title":"Industrial outreach seminar in Kuala Lumpur",
                            "recipients":["MY"],"schedule":{"start":"2008-12-02","end":"2008-12-03"},
                            "agenda":["Catch-all controls","Internal compliance programmes"],
                            "objectives":[{"element":"INDUSTRY_COOPERATION","text":"Gain cooperation of industries"}]}'

                  # 2. US/DOC subscribes to JP's schedule as Server-Sent Events (or channel WEBHOOK with a "url")
                  curl -s -X POST %s/subscriptions -H "Authorization: Bearer $US_TOKEN" -H 'Content-Type: application/json' \\
                       -d '{"kind":"SCHEDULES","channel":"SSE","filters":{"governments":["JP"]}}'
                  #    then follow it: curl -N %s/subscriptions/<id>/events -H "Authorization: Bearer $US_TOKEN"

                  # 3. Anyone reads the priority list (Annex I, re-evaluated as the partners adopt results)
                  curl -s '%s/evaluations?sort=priority' -H "Authorization: Bearer $AU_TOKEN"

                  # 4. Anyone exports JP's sealed events and verifies them offline against JP's event key
                  java -jar identity/target/outreach-identity-1.0.0-SNAPSHOT-cli.jar fetch-log --url %s \\
                       --token "$AU_TOKEN" --government JP --out jp.log
                  java -jar identity/target/outreach-identity-1.0.0-SNAPSHOT-cli.jar verify-log --log jp.log \\
                       --public-key JP=%s
                """.formatted(tokens, jp, gateway, gateway, evaluation, gateway, jpEventKey);
    }
}
