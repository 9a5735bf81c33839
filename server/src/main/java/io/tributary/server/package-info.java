/**
 * Tributary's server. Its packages depend one way: each uses only the packages listed after it
 * (or beside it, in the same item), never one listed before. {@code PackageCyclesTest} reads this
 * list and fails on a dependency that goes up it, or on any cycle.
 *
 * <ol>
 *   <li>{@code io.tributary.server}: the application and its commands, which put everything together;</li>
 *   <li>{@code resources}: the REST endpoints;</li>
 *   <li>{@code console}: the web console's page, scripts and libraries, served beside the API;</li>
 *   <li>{@code webhooks}: where providers push their events;</li>
 *   <li>{@code auth}: the token filter and the annotations that open or close an endpoint;</li>
 *   <li>{@code http}: request filters and response headers;</li>
 *   <li>{@code errors}: problems, connector failures and defects as HTTP answers;</li>
 *   <li>{@code health}: health checks;</li>
 *   <li>{@code scheduling}: the Quartz jobs that refresh sources and sync datasets;</li>
 *   <li>{@code core}: the services (workspaces, tokens, data sources, blocks, refreshes, datasets,
 *       audit, keys), which take requests and give views;</li>
 *   <li>{@code mirror}: the dataset mirror: backfills, the change feed, syncs, answers from the mirror;</li>
 *   <li>{@code sources}: one operation on a data source: its connector, its credentials opened
 *       when first needed, and what a connector failure means for the source;</li>
 *   <li>{@code api}: the request and response bodies;</li>
 *   <li>{@code db}: the Jdbi DAOs, their rows and the values stored in them;</li>
 *   <li>{@code problems}: why a service refuses a request;</li>
 *   <li>{@code limits}: rate limits;</li>
 *   <li>{@code dev}: the development database and secrets;</li>
 *   <li>{@code config}: the settings.</li>
 * </ol>
 */
package io.tributary.server;
