package org.clinic.base.operations;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus text scrape, read as a person reads it: the value of a metric with some of its labels. */
record Scrape(String text) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    /** The sum of the samples of the metric whose labels include the given ones; NaN when there is none. */
    double value(String metric, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!sample.matches() || !sample.group(1).equals(metric)) {
                continue;
            }
            String present = sample.group(2) == null ? "" : sample.group(2);
            if (labels.entrySet().stream().allMatch(l -> present.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                sum += Double.parseDouble(sample.group(3));
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }

    double value(String metric) {
        return value(metric, Map.of());
    }

    boolean has(String metric) {
        return !Double.isNaN(value(metric));
    }
}
