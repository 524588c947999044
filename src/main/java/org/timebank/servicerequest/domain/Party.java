package org.timebank.servicerequest.domain;

/** What a caller is to a request; one caller may be several (a payer who is also staff). */
public enum Party { REQUESTER, PAYER, PROVIDER, STAFF }
