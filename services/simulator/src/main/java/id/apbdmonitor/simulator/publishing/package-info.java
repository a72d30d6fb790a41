/**
 * The simulator app: generates the year at start-up, publishes it to Kafka paced by the shared
 * business clock, and exposes the expected totals ({@code /api/expected}) and its own progress
 * metrics.
 */
package id.apbdmonitor.simulator.publishing;
