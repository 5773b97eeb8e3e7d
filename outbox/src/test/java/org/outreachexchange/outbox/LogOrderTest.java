package org.outreachexchange.outbox;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogOrderTest {

    @Test
    void countsEveryRowWrittenInOrder() {
        assertThat(LogOrder.inOrder(written(0, 7, 0, 8, 0, 9))).isEqualTo(3);
    }

    @Test
    void stopsAtTheFirstRowTheBrokerDidNotAcknowledge() {
        List<LogOrder.Written> round = new ArrayList<>(written(0, 40, 1, 41));
        round.add(null);
        round.addAll(written(0, 43));

        assertThat(LogOrder.inOrder(round)).isEqualTo(2);
    }

    @Test
    void countsOnlyTheFirstRowWhenTheConnectorWroteItAfterTheRowsThatFollowIt() {
        List<LogOrder.Written> round = new ArrayList<>();
        round.add(new LogOrder.Written(0, 199));
        for (int offset = 0; offset < 199; offset++) {
            round.add(new LogOrder.Written(0, offset));
        }

        assertThat(LogOrder.inOrder(round)).isEqualTo(1);
    }

    @Test
    void stopsBeforeARowWrittenAheadOfAnEarlierOneOfItsPartition() {
        assertThat(LogOrder.inOrder(written(0, 10, 1, 5, 0, 12, 0, 11, 1, 6))).isEqualTo(3);
    }

    @Test
    void rowsOfOtherPartitionsDoNotOrderEachOther() {
        assertThat(LogOrder.inOrder(written(2, 90, 0, 3, 1, 40, 0, 4))).isEqualTo(4);
    }

    /** Pairs of partition and offset. */
    private static List<LogOrder.Written> written(long... partitionsAndOffsets) {
        LogOrder.Written[] round = new LogOrder.Written[partitionsAndOffsets.length / 2];
        for (int i = 0; i < round.length; i++) {
            round[i] = new LogOrder.Written((int) partitionsAndOffsets[2 * i], partitionsAndOffsets[2 * i + 1]);
        }
        return Arrays.asList(round);
    }
}
