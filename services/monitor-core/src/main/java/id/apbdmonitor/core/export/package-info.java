/**
 * What a service instance exports when several instances share a consumer group: the series of
 * the OPDs whose events it consumes, so that a sum over instances counts every series once.
 */
package id.apbdmonitor.core.export;
