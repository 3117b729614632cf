package org.marsad.jobs;

import java.util.Map;

/**
 * What a run did.
 *
 * @param rowsIn input rows read
 * @param documents rows accepted as documents
 * @param rejected rows rejected
 * @param tables rows written per table
 * @param output the output folder
 * @param report the report page, or null when none was written
 */
public record JobResult(
    long rowsIn,
    long documents,
    long rejected,
    Map<String, Long> tables,
    String output,
    String report) {}
