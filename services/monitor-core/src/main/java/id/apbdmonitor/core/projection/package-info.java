/**
 * The year-end projection: realised so far plus the plan still to come at the OPD's own pace,
 * shared by every service that exports {@code apbd_projected_year_end_rupiah} or its PAD twin.
 */
package id.apbdmonitor.core.projection;
