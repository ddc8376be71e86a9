package org.kepu.rumor.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Near-duplicate matching on a test set written for it ({@code rumor/claim-pairs.json}): claims as the library holds
 * them, paraphrases that say the same thing (some easy, some hard) and unrelated texts (half of them on the same topic
 * with shared words). Each pair is scored by the real matcher against the real search server; a pair counts as
 * matched when its claim comes back at or above the configured duplicate threshold. The claims are indexed as drafts
 * of their own ids, so public matching never sees them.
 */
@KepuIntegrationTest
class RumorMatchingQualityIntegrationTest {

    /** Floors set from the first honest run (see docs/search.md), a little below it so that noise does not fail the build. */
    static final double MIN_PRECISION = 0.85;
    static final double MIN_RECALL = 0.50;

    record Claim(String key, String claim) {
    }

    record Pair(String claim, String text) {
    }

    record TestSet(int version, List<Claim> claims, List<Pair> paraphrases, List<Pair> unrelated) {
    }

    @Autowired
    RumorIndex index;
    @Autowired
    RumorMatcher matcher;
    @Autowired
    RumorProperties properties;
    @Autowired
    JsonMapper json;

    @Test
    void paraphrasesAreFoundAndUnrelatedTextsAreNotAtTheConfiguredThreshold() throws IOException {
        TestSet set;
        try (InputStream in = new ClassPathResource("rumor/claim-pairs.json").getInputStream()) {
            set = json.readValue(in, TestSet.class);
        }
        assertThat(set.paraphrases()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(set.unrelated()).hasSizeGreaterThanOrEqualTo(30);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> ids = set.claims().stream().collect(Collectors.toMap(Claim::key, claim -> "pairs-" + run + "-" + claim.key()));
        index.ensure().block(Duration.ofSeconds(60));
        for (Claim claim : set.claims()) {
            index.write(new RumorDocument(ids.get(claim.key()), claim.key(), claim.claim(), "", "RUMOR", List.of(), "TEST", false))
                    .block(Duration.ofSeconds(30));
        }
        String last = ids.get(set.claims().get(set.claims().size() - 1).key());
        await().atMost(Duration.ofSeconds(30)).until(() -> matcher.match(set.claims().get(set.claims().size() - 1).claim(), false)
                .block(Duration.ofSeconds(30)).stream().anyMatch(scored -> scored.document().id().equals(last)));

        List<Double> positives = scores(set.paraphrases(), ids);
        List<Double> negatives = scores(set.unrelated(), ids);
        StringBuilder table = new StringBuilder("threshold  precision  recall  (paraphrases " + positives.size()
                + ", unrelated " + negatives.size() + ")\n");
        for (double threshold = 0.15; threshold <= 0.601; threshold += 0.05) {
            table.append(String.format(Locale.ROOT, "%.2f       %.3f      %.3f%n", threshold, precision(positives, negatives, threshold),
                    recall(positives, threshold)));
        }
        double threshold = properties.matching().duplicate();
        double precision = precision(positives, negatives, threshold);
        double recall = recall(positives, threshold);
        table.append(String.format(Locale.ROOT, "configured %.2f: precision %.3f, recall %.3f%n", threshold, precision, recall));
        System.out.print(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "rumor-matching.txt"), table, StandardCharsets.UTF_8);
        assertThat(precision).as("precision at %.2f", threshold).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(recall).as("recall at %.2f", threshold).isGreaterThanOrEqualTo(MIN_RECALL);
    }

    /** The score of each pair's own claim, 0 when the matcher did not return it. */
    private List<Double> scores(List<Pair> pairs, Map<String, String> ids) {
        List<Double> scores = new ArrayList<>();
        for (Pair pair : pairs) {
            String wanted = ids.get(pair.claim());
            assertThat(wanted).as("claim key %s", pair.claim()).isNotNull();
            Map<String, Double> found = matcher.match(pair.text(), false).block(Duration.ofSeconds(30)).stream()
                    .collect(Collectors.toMap(scored -> scored.document().id(), RumorMatcher.Scored::score, Math::max));
            scores.add(found.getOrDefault(wanted, 0.0));
        }
        return scores;
    }

    private static double precision(List<Double> positives, List<Double> negatives, double threshold) {
        long truePositives = positives.stream().filter(score -> score >= threshold).count();
        long falsePositives = negatives.stream().filter(score -> score >= threshold).count();
        return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
    }

    private static double recall(List<Double> positives, double threshold) {
        return (double) positives.stream().filter(score -> score >= threshold).count() / positives.size();
    }

}
