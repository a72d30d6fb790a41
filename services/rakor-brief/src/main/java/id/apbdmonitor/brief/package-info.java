/**
 * The coordination-meeting (rakor) brief: {@code GET /brief} and {@code /brief.pdf}
 * ({@link id.apbdmonitor.brief.BriefController}), made by {@link id.apbdmonitor.brief.BriefService}
 * from Prometheus ({@code prometheus}) or the services' metrics pages, written in
 * {@code content}, laid out and drawn in {@code render}, and mailed weekly by {@code mail}.
 */
package id.apbdmonitor.brief;
