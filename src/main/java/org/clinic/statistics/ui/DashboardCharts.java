package org.clinic.statistics.ui;

import org.clinic.statistics.DayHistory;
import org.clinic.statistics.History;
import org.clinic.statistics.SpecialtyHistory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.time.TimeTableXYDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The dashboard's thirty-day charts, drawn on the server with JFreeChart into SVG (JFreeSVG): no chart library in
 * the browser, no frontend bundle. White, flat and quiet: the clinic's teal first, thin light grid lines, the page's
 * font, no JFreeChart grey plot, gradients or shadows.
 */
public final class DashboardCharts {

    /**
     * Drawing size: the dashboard asks for the width its cards have in the browser, so text is drawn at its real
     * size (12 px); the SVG has a view box, so it still scales when the window changes.
     */
    public static final int DEFAULT_WIDTH = 720;
    static final int HEIGHT = 300;

    /** Specialty colours, in the order of {@link History#specialties()}: teal (the clinic's) first. */
    private static final Color[] PALETTE = {new Color(0x0b6e69), new Color(0x3b82c4), new Color(0xe0922f),
            new Color(0x8a63c9), new Color(0xd1605e), new Color(0x4f9d69), new Color(0x6b7a8f), new Color(0xc4a03b)};
    private static final Color TEXT = new Color(0x4a5565);
    private static final Color GRID = new Color(0xe6e9ee);
    private static final Color AXIS = new Color(0xc9ced6);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final String FONT_FAMILY = "Inter, Segoe UI, system-ui, -apple-system, Noto Sans, sans-serif";
    private static final ZoneId UTC = ZoneId.of("UTC");

    private DashboardCharts() {
    }

    /** Visits per day, stacked by specialty. */
    public static String visitsPerDay(History history, int width) {
        TimeTableXYDataset data = new TimeTableXYDataset(TimeZone.getTimeZone(UTC), Locale.ENGLISH);
        for (DayHistory day : history.days()) {
            for (String specialty : history.specialties()) {
                data.add(day(day.date()), day.visitsBySpecialty().getOrDefault(specialty, 0), specialty, false);
            }
        }
        StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.22);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        for (int i = 0; i < history.specialties().size(); i++) {
            renderer.setSeriesPaint(i, colour(i));
        }
        XYPlot plot = new XYPlot(data, dateAxis(history), countAxis("Visits"), renderer);
        return svg(chart(plot, history.specialties().size() > 1), "visits-per-day", width);
    }

    /** Share of booked appointments that were no-shows, per day, in per cent. */
    public static String noShowRate(History history, int width) {
        TimeSeries rate = new TimeSeries("No-show rate");
        for (DayHistory day : history.days()) {
            day.noShowRate().ifPresent(r -> rate.add(day(day.date()), r * 100));
        }
        NumberAxis percent = countAxis("No-shows, % of booked");
        percent.setNumberFormatOverride(new DecimalFormat("0'%'"));
        percent.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        percent.setAutoRangeMinimumSize(10);
        return svg(chart(new XYPlot(new TimeSeriesCollection(rate, TimeZone.getTimeZone(UTC)), dateAxis(history), percent,
                line(new Color(0xd1605e))), false), "no-show-rate", width);
    }

    /** Average wait from check-in to call, per day, in minutes. */
    public static String averageWait(History history, int width) {
        TimeSeries wait = new TimeSeries("Average wait");
        for (DayHistory day : history.days()) {
            day.averageWait().ifPresent(w -> wait.add(day(day.date()), w.toSeconds() / 60.0));
        }
        NumberAxis minutes = countAxis("Minutes, check-in to call");
        minutes.setAutoRangeMinimumSize(10);
        return svg(chart(new XYPlot(new TimeSeriesCollection(wait, TimeZone.getTimeZone(UTC)), dateAxis(history), minutes,
                line(PALETTE[0])), false), "average-wait", width);
    }

    /** The thirty days' visits per specialty, as horizontal bars in each specialty's colour. */
    public static String visitsBySpecialty(History history, int width) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (SpecialtyHistory specialty : history.bySpecialty()) {
            data.addValue(specialty.visits(), "Visits", specialty.name());
        }
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return colour(history.specialties().indexOf(String.valueOf(data.getColumnKey(column))));
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.16);
        renderer.setItemMargin(0);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", NumberFormat.getIntegerInstance(Locale.ENGLISH)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT));
        renderer.setItemLabelAnchorOffset(6);
        renderer.setDefaultItemLabelFont(LABEL);
        renderer.setDefaultItemLabelPaint(TEXT);
        CategoryAxis specialties = new CategoryAxis();
        specialties.setTickLabelFont(LABEL);
        specialties.setTickLabelPaint(TEXT);
        specialties.setAxisLineVisible(false);
        specialties.setTickMarksVisible(false);
        specialties.setCategoryMargin(0.25);
        NumberAxis visits = countAxis("Visits");
        visits.setUpperMargin(0.12); // room for the value labels
        CategoryPlot plot = new CategoryPlot(data, specialties, visits, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return svg(chart(plot, false), "visits-by-specialty", width);
    }

    /** A data URL of the SVG, for an {@code <img>}. */
    public static String dataUrl(String svg) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }

    private static XYLineAndShapeRenderer line(Color colour) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, colour);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        renderer.setUseFillPaint(true);
        renderer.setSeriesFillPaint(0, Color.WHITE);
        renderer.setDrawOutlines(true);
        renderer.setUseOutlinePaint(false);
        return renderer;
    }

    private static DateAxis dateAxis(History history) {
        DateAxis axis = new DateAxis(null, TimeZone.getTimeZone(UTC), Locale.ENGLISH);
        SimpleDateFormat format = new SimpleDateFormat("d MMM", Locale.ENGLISH);
        format.setTimeZone(TimeZone.getTimeZone(UTC));
        axis.setTickUnit(new DateTickUnit(DateTickUnitType.DAY, 7, format));
        // Half a day either side, so the first and last bars are whole.
        axis.setRange(date(history.from()).getTime() - 12 * 3600_000L, date(history.to()).getTime() + 36 * 3600_000L);
        style(axis);
        axis.setTickMarksVisible(false);
        return axis;
    }

    private static NumberAxis countAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setAutoRangeIncludesZero(true);
        axis.setAutoRangeMinimumSize(5);
        style(axis);
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
        return axis;
    }

    private static void style(ValueAxis axis) {
        axis.setTickLabelFont(LABEL);
        axis.setTickLabelPaint(TEXT);
        axis.setLabelFont(LABEL);
        axis.setLabelPaint(TEXT);
        axis.setAxisLinePaint(AXIS);
    }

    private static JFreeChart chart(XYPlot plot, boolean legend) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return chart((org.jfree.chart.plot.Plot) plot, legend);
    }

    private static JFreeChart chart(org.jfree.chart.plot.Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, LABEL, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(4, 4, 4, 12));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setPosition(RectangleEdge.TOP);
            legendTitle.setItemFont(LEGEND);
            legendTitle.setItemPaint(TEXT);
            legendTitle.setFrame(BlockBorder.NONE);
            legendTitle.setBackgroundPaint(Color.WHITE);
            legendTitle.setMargin(new RectangleInsets(0, 0, 8, 0));
        }
        return chart;
    }

    private static String svg(JFreeChart chart, String id, int width) {
        SVGGraphics2D graphics = new SVGGraphics2D(width, HEIGHT);
        graphics.setDefsKeyPrefix(id + "-");
        graphics.setFontFunction(family -> FONT_FAMILY);
        chart.draw(graphics, new Rectangle(0, 0, width, HEIGHT));
        return graphics.getSVGElement(id, false, new ViewBox(0, 0, width, HEIGHT), null, null);
    }

    private static Color colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    private static Day day(LocalDate date) {
        return new Day(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private static Date date(LocalDate date) {
        return Date.from(date.atStartOfDay(UTC).toInstant());
    }
}
