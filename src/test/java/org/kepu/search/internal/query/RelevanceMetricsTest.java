package org.kepu.search.internal.query;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RelevanceMetricsTest {

    private static final Map<String, Integer> GRADES = Map.of("a", 3, "b", 2, "c", 1);

    @Test
    void theIdealRankingScoresOne() {
        assertThat(RelevanceMetrics.ndcg(List.of("a", "b", "c"), GRADES, 10)).isEqualTo(1.0);
    }

    @Test
    void ndcgFollowsTheTextbookFormula() {
        // ranking c, x, a: DCG = 1/log2(2) + 0 + 7/log2(4) = 4.5; ideal a, b, c = 7 + 3/log2(3) + 1/2
        double ideal = 7 + 3 / (Math.log(3) / Math.log(2)) + 0.5;
        assertThat(RelevanceMetrics.ndcg(List.of("c", "x", "a"), GRADES, 10)).isCloseTo(4.5 / ideal, within(1e-12));
    }

    @Test
    void ndcgOnlyLooksAtTheFirstKAndTheIdealIsCutToo() {
        assertThat(RelevanceMetrics.ndcg(List.of("x", "a"), GRADES, 1)).isZero();
        assertThat(RelevanceMetrics.ndcg(List.of("a", "x"), GRADES, 1)).isEqualTo(1.0);
    }

    @Test
    void nothingJudgedRelevantScoresZeroRatherThanDividingByZero() {
        assertThat(RelevanceMetrics.ndcg(List.of("a"), Map.of(), 10)).isZero();
    }

    @Test
    void precisionCountsWorksGradedTwoOrMoreAmongTheFirstK() {
        assertThat(RelevanceMetrics.precision(List.of("a", "c", "b", "x", "y", "a"), GRADES, 5)).isEqualTo(0.4);
        assertThat(RelevanceMetrics.precision(List.of("a"), GRADES, 5)).isEqualTo(0.2);
    }
}
