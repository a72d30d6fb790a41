/**
 * The year generator, plain Java: {@link id.apbdmonitor.simulator.generator.YearGenerator} turns
 * {@link id.apbdmonitor.simulator.generator.GeneratorSettings} into a
 * {@link id.apbdmonitor.simulator.generator.GeneratedYear} of Kafka records and the
 * {@link id.apbdmonitor.simulator.generator.ExpectedTotals} the services must report. One
 * generator class per category (goods, services) shares the budget planner and the fault
 * injector; new categories go beside them. Topics whose events are not spending realisations
 * (capital contracts, PAD receipts) have a {@code TopicGenerator} each, with its own random
 * streams, numbering and faults, so that adding one leaves the other topics' records unchanged.
 */
package id.apbdmonitor.simulator.generator;
