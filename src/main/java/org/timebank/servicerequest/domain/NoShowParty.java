package org.timebank.servicerequest.domain;

/** Who did not come: the provider (recorded by the requester's side) or the requester (recorded by the provider). */
public enum NoShowParty { PROVIDER, REQUESTER }
