package org.kepu.search.internal.query;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranking measures over graded judgments (0–3, an unjudged work counts 0).
 * nDCG@k uses the gain 2^grade − 1 and the discount log2(rank + 1); the ideal ranking is every judged
 * work by grade. Precision@k counts works graded at least {@link #RELEVANT} among the first k.
 */
final class RelevanceMetrics {

    static final int RELEVANT = 2;

    private RelevanceMetrics() {
    }

    static double ndcg(List<String> ranking, Map<String, Integer> grades, int k) {
        double ideal = dcg(grades.values().stream().sorted(Comparator.reverseOrder()).toList(), k);
        if (ideal == 0) {
            return 0;
        }
        return dcg(ranking.stream().map(id -> grades.getOrDefault(id, 0)).toList(), k) / ideal;
    }

    static double precision(List<String> ranking, Map<String, Integer> grades, int k) {
        long relevant = ranking.stream().limit(k).filter(id -> grades.getOrDefault(id, 0) >= RELEVANT).count();
        return (double) relevant / k;
    }

    private static double dcg(List<Integer> gains, int k) {
        double sum = 0;
        for (int i = 0; i < Math.min(k, gains.size()); i++) {
            sum += (Math.pow(2, gains.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }
}
