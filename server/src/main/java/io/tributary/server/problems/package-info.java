/**
 * Why a service refuses a request, in its own terms: something is missing, invalid, forbidden,
 * over a plan's limit, in conflict with what is stored, or asked for too often. Each problem has a
 * stable code (and the request field at fault, when there is one); the services know nothing of
 * HTTP, and {@code errors} alone turns a problem into a status and the API's error body.
 */
package io.tributary.server.problems;
