/**
 * What the brief says: the figures it needs ({@link id.apbdmonitor.brief.content.Figures}, from
 * Prometheus' rules or the services' raw gauges) and the texts written from them in Bahasa
 * Indonesia ({@link id.apbdmonitor.brief.content.BriefBuilder}, {@link id.apbdmonitor.brief.content.Format}).
 */
package id.apbdmonitor.brief.content;
