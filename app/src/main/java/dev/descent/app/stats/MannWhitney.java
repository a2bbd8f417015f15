package dev.descent.app.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Mann–Whitney U test: do two sets of timings come from the same distribution? Exact for
 * the small samples a race takes (it enumerates every way to split the pooled ranks), the normal
 * approximation with tie correction beyond that.
 */
public final class MannWhitney {
  /** The normal approximation's distribution (no random generator: only its CDF is used). */
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);


  /** Above this many splits the normal approximation is used. */
  private static final long EXACT_LIMIT = 2_000_000;

  private MannWhitney() {}

  /** The two-sided p-value for samples a and b. */
  public static double pValue(List<Double> a, List<Double> b) {
    int n1 = a.size();
    int n2 = b.size();
    if (n1 == 0 || n2 == 0) {
      return Double.NaN;
    }
    double[] ranks = ranks(a, b);
    double rankSumA = 0;
    for (int i = 0; i < n1; i++) {
      rankSumA += ranks[i];
    }
    double u = rankSumA - n1 * (n1 + 1) / 2.0;
    double meanU = n1 * (double) n2 / 2;
    if (binomial(n1 + n2, n1) <= EXACT_LIMIT) {
      return exact(ranks, n1, Math.abs(u - meanU));
    }
    return normal(ranks, n1, n2, u);
  }

  /** Midranks of the pooled samples, a's first. */
  private static double[] ranks(List<Double> a, List<Double> b) {
    List<Double> pooled = new ArrayList<>(a);
    pooled.addAll(b);
    int n = pooled.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(pooled.get(x), pooled.get(y)));
    double[] ranks = new double[n];
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && pooled.get(order[j + 1]).equals(pooled.get(order[i]))) {
        j++;
      }
      double midrank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = midrank;
      }
      i = j + 1;
    }
    return ranks;
  }

  /** The share of all splits of the ranks whose U is at least as far from its mean. */
  private static double exact(double[] ranks, int n1, double observedDistance) {
    int n = ranks.length;
    double meanU = n1 * (double) (n - n1) / 2;
    long[] counts = new long[2];
    enumerate(ranks, n1, 0, 0, 0.0, meanU, observedDistance - 1e-9, counts);
    return (double) counts[0] / counts[1];
  }

  private static void enumerate(double[] ranks, int remaining, int start, int depth,
      double rankSum, double meanU, double threshold, long[] counts) {
    if (remaining == 0) {
      double u = rankSum - depth * (depth + 1) / 2.0;
      counts[1]++;
      if (Math.abs(u - meanU) >= threshold) {
        counts[0]++;
      }
      return;
    }
    for (int i = start; i <= ranks.length - remaining; i++) {
      enumerate(ranks, remaining - 1, i + 1, depth + 1, rankSum + ranks[i], meanU, threshold,
          counts);
    }
  }

  private static double normal(double[] ranks, int n1, int n2, double u) {
    int n = n1 + n2;
    Map<Double, Integer> ties = new HashMap<>();
    for (double rank : ranks) {
      ties.merge(rank, 1, Integer::sum);
    }
    double tieTerm = 0;
    for (int t : ties.values()) {
      tieTerm += (double) t * t * t - t;
    }
    double variance = n1 * (double) n2 / 12 * ((n + 1) - tieTerm / ((double) n * (n - 1)));
    if (variance <= 0) {
      return 1;
    }
    double z = (Math.abs(u - n1 * (double) n2 / 2) - 0.5) / Math.sqrt(variance);
    return Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
  }

  private static double binomial(int n, int k) {
    double result = 1;
    for (int i = 1; i <= k; i++) {
      result = result * (n - k + i) / i;
    }
    return result;
  }
}
