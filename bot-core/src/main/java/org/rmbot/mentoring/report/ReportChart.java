package org.rmbot.mentoring.report;

import org.rmbot.mentoring.common.Phrases;
import org.rmbot.mentoring.wording.Catalogue;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * The report's chart, as a PNG: meetings held per week, in the week they happened (bars), and
 * pairs at risk at each week's end (line). One axis, labelled for both: each is a count.
 */
public final class ReportChart {
  private static final Catalogue WORDS = Catalogue.english();

  private ReportChart() {}

  public static byte[] png(ProgramReport report) {
    // no display on a server: draw into an image only
    System.setProperty("java.awt.headless", "true");
    CategoryChart chart = new CategoryChartBuilder().width(900).height(450)
        .title(WORDS.phrase("report.chart.title", "program", report.programName()))
        .xAxisTitle(WORDS.phrase("report.chart.week_axis")).yAxisTitle(WORDS.phrase("report.chart.count_axis")).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setXAxisLabelRotation(45);
    chart.getStyler().setYAxisDecimalPattern("#");
    // one bar series and one line: draw both over the same week instead of side by side
    chart.getStyler().setOverlapped(true);
    List<ProgramReport.Week> weeks = report.weeks();
    List<String> labels = weeks.stream().map(w -> Phrases.weekLabel(w.start())).toList();
    CategorySeries meetings = chart.addSeries(WORDS.phrase("report.chart.meetings_series"), labels,
        weeks.stream().map(ProgramReport.Week::meetingsHeld).toList());
    meetings.setFillColor(new Color(0x2E, 0x7D, 0x32));
    CategorySeries atRisk = chart.addSeries(WORDS.phrase("report.chart.at_risk_series"), labels,
        weeks.stream().map(ProgramReport.Week::pairsAtRisk).toList());
    atRisk.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
    atRisk.setLineColor(new Color(0xC6, 0x28, 0x28));
    atRisk.setMarkerColor(new Color(0xC6, 0x28, 0x28));
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("the chart could not be drawn", e);
    }
  }
}
