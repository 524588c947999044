package org.timebank.support;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The test profile on a service started for these tests alone (the schema is cleaned at every
 * start), for tests that load the demo data by listing {@code GET /dev/tokens}: it stays out of the
 * database that the other tests share. The web app's browser tests, which sign in with the demo
 * identities, may share this service.
 */
public class WithDemoData implements QuarkusTestProfile {}
