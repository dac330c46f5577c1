package org.clinic.consultation.ui;

import org.clinic.consultation.Consultation;
import org.clinic.consultation.Vital;
import org.clinic.consultation.Vitals;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Blood pressure and weight over a patient's visits, drawn on the server with JFreeChart into SVG (as the dashboard's
 * charts are): one point per visit, labelled with its value, the visit dates along the shared axis. Served as a
 * {@code data:} image (the Content-Security-Policy allows {@code img-src data:}) with a text alternative that says
 * the same values in words.
 */
final class VitalsChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 340;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");
    private static final Color SYSTOLIC = new Color(0xb3261e);
    private static final Color DIASTOLIC = new Color(0x3b82c4);
    private static final Color WEIGHT = new Color(0x0b6e69);
    private static final Color TEXT = new Color(0x4a5565);
    private static final Color GRID = new Color(0xe6e9ee);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final String FONT_FAMILY = "Inter, Segoe UI, system-ui, -apple-system, Noto Sans, sans-serif";

    private VitalsChart() {
    }

    /** Whether any of these visits has a blood pressure or a weight to draw. */
    static boolean hasData(List<Consultation> visits) {
        return visits.stream().map(c -> c.content().vitals())
                .anyMatch(v -> v.bloodPressure() != null || v.weight() != null);
    }

    /** The visits oldest first, as the chart reads left to right. */
    static List<Consultation> chronological(List<Consultation> visits) {
        List<Consultation> sorted = new ArrayList<>(visits);
        sorted.sort(Comparator.comparing(Consultation::visitDate).thenComparing(Consultation::startedAt));
        return sorted;
    }

    /** The chart as SVG markup. */
    static String svg(List<Consultation> visits) {
        DefaultCategoryDataset pressure = new DefaultCategoryDataset();
        DefaultCategoryDataset weight = new DefaultCategoryDataset();
        List<Consultation> sorted = chronological(visits);
        for (int i = 0; i < sorted.size(); i++) {
            Consultation c = sorted.get(i);
            VisitDay day = new VisitDay(i, DAY.format(c.visitDate()));
            Vitals v = c.content().vitals();
            pressure.addValue(v.systolic(), "Systolic", day);
            pressure.addValue(v.diastolic(), "Diastolic", day);
            weight.addValue(v.weight(), "Weight", day);
        }
        NumberAxis mmHg = axis("Blood pressure, mmHg", "0");
        CategoryPlot bp = new CategoryPlot(pressure, null, mmHg, renderer(new DecimalFormat("0"), SYSTOLIC, DIASTOLIC));
        NumberAxis kg = axis("Weight, kg", "0.0");
        CategoryPlot wt = new CategoryPlot(weight, null, kg, renderer(new DecimalFormat("0.0"), WEIGHT));
        CategoryAxis dates = new CategoryAxis();
        dates.setTickLabelFont(LABEL);
        dates.setTickLabelPaint(TEXT);
        dates.setAxisLinePaint(GRID);
        dates.setTickMarksVisible(false);
        dates.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        dates.setMaximumCategoryLabelLines(2);
        dates.setLowerMargin(0.04);
        dates.setUpperMargin(0.04);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(dates);
        plot.setGap(14);
        for (CategoryPlot part : List.of(bp, wt)) {
            part.setBackgroundPaint(Color.WHITE);
            part.setOutlineVisible(false);
            part.setRangeGridlinePaint(GRID);
            part.setRangeGridlineStroke(new BasicStroke(1f));
            part.setDomainGridlinesVisible(false);
            part.setAxisOffset(RectangleInsets.ZERO_INSETS);
        }
        plot.add(bp, 3);
        plot.add(wt, 2);
        JFreeChart chart = new JFreeChart(null, LABEL, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(4, 4, 4, 12));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setItemFont(LABEL);
        legend.setItemPaint(TEXT);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setMargin(new RectangleInsets(0, 0, 8, 0));
        SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
        graphics.setDefsKeyPrefix("vitals-chart-");
        graphics.setFontFunction(family -> FONT_FAMILY);
        chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
        return graphics.getSVGElement("vitals-chart-svg", false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }

    /** The same values in words, for a screen reader and for anyone who cannot see the chart. */
    static String description(List<Consultation> visits) {
        List<String> parts = new ArrayList<>();
        for (Consultation c : chronological(visits)) {
            Vitals v = c.content().vitals();
            List<String> values = new ArrayList<>();
            if (v.bloodPressure() != null) {
                values.add("blood pressure " + v.bloodPressure() + " mmHg");
            }
            if (v.weight() != null) {
                values.add("weight " + Vital.WEIGHT.format(v.weight()) + " kg");
            }
            parts.add(DAY.format(c.visitDate()) + ": " + (values.isEmpty() ? "not measured" : String.join(", ", values)));
        }
        return "Blood pressure and weight over " + parts.size() + (parts.size() == 1 ? " visit. " : " visits. ")
                + String.join("; ", parts) + ".";
    }

    static String dataUrl(String svg) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }

    /** One visit on the chart's axis, shown as its date: two visits on one day stay two points. */
    private record VisitDay(int order, String date) implements Comparable<VisitDay> {
        @Override
        public int compareTo(VisitDay other) {
            return Integer.compare(order, other.order);
        }

        @Override
        public String toString() {
            return date;
        }
    }

    private static NumberAxis axis(String label, String format) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setAutoRangeMinimumSize(4);
        axis.setUpperMargin(0.2); // room for the value labels
        axis.setLowerMargin(0.12);
        axis.setNumberFormatOverride(new DecimalFormat(format));
        axis.setTickLabelFont(LABEL);
        axis.setTickLabelPaint(TEXT);
        axis.setLabelFont(LABEL);
        axis.setLabelPaint(TEXT);
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
        return axis;
    }

    private static LineAndShapeRenderer renderer(DecimalFormat format, Color... colours) {
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        renderer.setUseFillPaint(true);
        renderer.setDefaultFillPaint(Color.WHITE);
        renderer.setDrawOutlines(true);
        renderer.setUseOutlinePaint(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(LABEL);
        renderer.setDefaultItemLabelPaint(TEXT);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.BOTTOM_CENTER));
        renderer.setItemLabelAnchorOffset(6);
        return renderer;
    }
}
