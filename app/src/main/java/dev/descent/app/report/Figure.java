package dev.descent.app.report;

/**
 * One chart of the HTML report.
 *
 * @param name the chart's files, NAME.png and NAME.svg, and its anchor in the page
 * @param caption what the chart shows and how to read it, as a sentence
 * @param svg the chart as an inline SVG element
 */
public record Figure(String name, String caption, String svg) {}
