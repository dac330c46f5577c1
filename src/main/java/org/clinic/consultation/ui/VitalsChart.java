package org.clinic.consultation.ui;

import org.clinic.consultation.Consultation;
import org.clinic.consultation.Vital;
import org.clinic.consultation.Vitals;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTick;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Blood pressure and weight over a patient's visits, drawn on the server with JFreeChart into SVG (as the dashboard's
 * charts are): one point per visit, labelled with its value, on a time axis to scale with the visit dates as its
 * ticks. Served as a
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
    private static final ZoneId UTC = ZoneId.of("UTC");
    /** The least distance between two dates on the axis, in pixels, for both to be read. */
    private static final double MIN_TICK_GAP = 84;
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
        List<Consultation> sorted = chronological(visits);
        XYSeries systolic = new XYSeries("Systolic", true, true);
        XYSeries diastolic = new XYSeries("Diastolic", true, true);
        XYSeries weight = new XYSeries("Weight", true, true);
        for (Consultation c : sorted) {
            long x = millis(c.visitDate());
            Vitals v = c.content().vitals();
            if (v.systolic() != null && v.diastolic() != null) {
                systolic.add(x, v.systolic());
                diastolic.add(x, v.diastolic());
            }
            if (v.weight() != null) {
                weight.add(x, v.weight());
            }
        }
        XYSeriesCollection pressure = new XYSeriesCollection();
        pressure.addSeries(systolic);
        pressure.addSeries(diastolic);
        XYPlot bp = new XYPlot(pressure, null, axis("Blood pressure, mmHg", "0"),
                renderer(new DecimalFormat("0"), SYSTOLIC, DIASTOLIC));
        XYPlot wt = new XYPlot(new XYSeriesCollection(weight), null, axis("Weight, kg", "0.0"),
                renderer(new DecimalFormat("0.0"), WEIGHT));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(dates(sorted));
        plot.setGap(14);
        for (XYPlot part : List.of(bp, wt)) {
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

    /**
     * Time runs to scale (visits a week apart sit close, a year apart far), and the ticks are the visits' own dates;
     * a date too close to a later one to be read beside it is left out (its point and value are still drawn).
     */
    private static DateAxis dates(List<Consultation> sorted) {
        List<LocalDate> days = sorted.stream().map(Consultation::visitDate).distinct().toList();
        DateAxis axis = new DateAxis(null, TimeZone.getTimeZone(UTC), Locale.ENGLISH) {
            @Override
            public List<DateTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea,
                                               RectangleEdge edge) {
                List<DateTick> ticks = new ArrayList<>();
                double lastX = Double.MAX_VALUE;
                for (int i = days.size() - 1; i >= 0; i--) { // newest first: the latest visit always has its date
                    LocalDate day = days.get(i);
                    double x = valueToJava2D(millis(day), dataArea, edge);
                    if (lastX - x >= MIN_TICK_GAP) {
                        ticks.addFirst(new DateTick(new Date(millis(day)), DAY.format(day), TextAnchor.TOP_CENTER,
                                TextAnchor.CENTER, 0.0));
                        lastX = x;
                    }
                }
                return ticks;
            }
        };
        long first = millis(days.getFirst());
        long last = millis(days.getLast());
        long pad = Math.max((last - first) / 12, 20L * 24 * 3600_000);
        axis.setRange(new Date(first - pad), new Date(last + pad));
        axis.setTickLabelFont(LABEL);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(GRID);
        axis.setTickMarksVisible(false);
        return axis;
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay(UTC).toInstant().toEpochMilli();
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

    private static XYLineAndShapeRenderer renderer(DecimalFormat format, Color... colours) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        renderer.setUseFillPaint(true);
        renderer.setDefaultFillPaint(Color.WHITE);
        renderer.setDrawOutlines(true);
        renderer.setUseOutlinePaint(false);
        renderer.setDefaultItemLabelGenerator(new StandardXYItemLabelGenerator("{2}", format, format));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(LABEL);
        renderer.setDefaultItemLabelPaint(TEXT);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.BOTTOM_CENTER));
        renderer.setItemLabelAnchorOffset(6);
        return renderer;
    }
}
