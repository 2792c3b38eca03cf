/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.observe;

/**
 * What is left of a run whose children are being taken down (on deletion, or when its TTL removes
 * them), after its Jobs and Deployment were asked to go.
 *
 * @param livePods the run's publisher and worker pods that have not ended
 * @param queueClaim who owns the queue the run claimed
 * @param keepQueue the user asked to leave the queue in RabbitMQ (the keep-queue annotation)
 * @param credentials the Secrets' values, to reach RabbitMQ
 */
public record TeardownObservation(
        int livePods, QueueClaim queueClaim, boolean keepQueue, SecretValues.Result credentials) {}
