/**
 * The brief as HTML (Thymeleaf, {@code templates/brief.html}) and PDF (openhtmltopdf), its charts
 * (JFreeChart, PNG data URIs), and the PNG of its first page for the README (PDFBox).
 */
package id.apbdmonitor.brief.render;
