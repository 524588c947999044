package org.timebank.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.timebank.auth.domain.OpaqueToken;
import org.timebank.auth.domain.SignIn;
import org.timebank.auth.persistence.SignInStore;
import org.timebank.common.ApiException;
import org.timebank.common.Tx;
import org.timebank.region.RegionService;
import org.timebank.security.Caller;
import org.timebank.volunteer.VolunteerService;
import org.timebank.volunteer.domain.NewVolunteer;
import org.timebank.volunteer.domain.PersonalData;
import org.timebank.volunteer.domain.VolunteerRef;
import org.timebank.wechat.WechatClient;

/**
 * Volunteers' sign-in through the WeChat mini-program. WeChat is called outside any database
 * transaction (a slow WeChat holds no connection and no lock); what follows runs in one.
 */
@ApplicationScoped
public class SignInService {
    /** Who binds an openid through the mini-program: the WeChat user, named by the openid's binding. */
    private static final String SELF = "wechat";

    @Inject
    WechatClient wechat;
    @Inject
    SignInStore store;
    @Inject
    AccessTokens tokens;
    @Inject
    AuthConfig config;
    @Inject
    Tx tx;
    @Inject
    VolunteerService volunteers;
    @Inject
    RegionService regions;

    /** wx.login's code: tokens for the bound volunteer, or a binding ticket for an openid bound to nobody. */
    public SignIn session(String code) {
        WechatClient.Session session = wechat.session(code);
        return tx.inNew(() -> store.volunteerOf(session.openid())
                .<SignIn>map(this::signed)
                .orElseGet(() -> {
                    String ticket = OpaqueToken.random();
                    store.addTicket(OpaqueToken.hash(ticket), session.openid(), session.unionid(),
                            Instant.now().plus(config.bindingTicketTtl()));
                    return new SignIn.Unbound(ticket, config.bindingTicketTtl().toSeconds());
                }));
    }

    /** A new access token for a refresh token, which is spent: the answer carries its successor. */
    public SignIn.Signed refresh(String refreshToken) {
        byte[] hash = OpaqueToken.hash(refreshToken);
        SignIn.Signed renewed = tx.inNew(() -> {
            SignInStore.Refresh found = store.refresh(hash).orElse(null);
            if (found == null) {
                throw new ApiException(401, "REFRESH_TOKEN_INVALID");
            }
            if (found.used()) {
                // spent once already: a copy is in someone else's hands, so the whole line of tokens ends
                store.revokeFamily(found.family());
                return null;
            }
            if (!found.usable()) {
                throw new ApiException(401, "REFRESH_TOKEN_INVALID");
            }
            store.spendRefresh(hash);
            return signed(found.volunteerId(), found.family());
        });
        if (renewed == null) {
            throw new ApiException(401, "REFRESH_TOKEN_INVALID");
        }
        return renewed;
    }

    /**
     * Binds the ticket's openid to the volunteer registered with the phone number WeChat verified for
     * {@code phoneCode}; the ticket is spent only when the binding is made.
     */
    public SignIn.Signed bindByPhone(String bindingTicket, String phoneCode) {
        byte[] hash = OpaqueToken.hash(bindingTicket);
        // refused before WeChat is asked: a stale ticket costs WeChat's quota nothing
        tx.inNew(() -> store.ticket(hash, false).filter(SignInStore.Ticket::usable)
                .orElseThrow(() -> new ApiException(401, "BINDING_TICKET_INVALID")));
        String phone = PersonalData.normalizePhone(wechat.phoneNumber(phoneCode));
        return tx.inNew(() -> {
            SignInStore.Ticket ticket = store.ticket(hash, true).filter(SignInStore.Ticket::usable)
                    .orElseThrow(() -> new ApiException(401, "BINDING_TICKET_INVALID"));
            Long volunteerId = phone == null ? null : volunteers.idsByPhone(List.of(phone)).get(phone);
            if (volunteerId == null) {
                throw ApiException.unprocessable("WECHAT_PHONE_NOT_REGISTERED");
            }
            if (store.openidOf(volunteerId).isPresent()) {
                throw ApiException.conflict("VOLUNTEER_ALREADY_BOUND", volunteerId);
            }
            if (!store.bind(ticket.openid(), ticket.unionid(), volunteerId, "PHONE", SELF)) {
                throw ApiException.conflict("WECHAT_ALREADY_BOUND");
            }
            store.spendTicket(hash);
            return signed(volunteerId);
        });
    }

    /**
     * Registers a new volunteer in {@code communityId} with the phone number WeChat verified, where the
     * region's rule allows residents to register themselves, and binds the ticket's openid to them.
     */
    public SignIn.Signed register(String bindingTicket, String phoneCode, String name, long communityId) {
        byte[] hash = OpaqueToken.hash(bindingTicket);
        tx.inNew(() -> store.ticket(hash, false).filter(SignInStore.Ticket::usable)
                .orElseThrow(() -> new ApiException(401, "BINDING_TICKET_INVALID")));
        String phone = wechat.phoneNumber(phoneCode);
        return tx.inNew(() -> {
            SignInStore.Ticket ticket = store.ticket(hash, true).filter(SignInStore.Ticket::usable)
                    .orElseThrow(() -> new ApiException(401, "BINDING_TICKET_INVALID"));
            regions.find(communityId).orElseThrow(() -> ApiException.unprocessable("REGION_NOT_FOUND", communityId));
            boolean open = store.selfRegistrationInForce(communityId).map(SignInStore.SelfRegistrationRule::allowed)
                    .orElse(false);
            if (!open) {
                throw ApiException.forbidden("SELF_REGISTRATION_CLOSED", communityId);
            }
            long volunteerId = volunteers.register(new NewVolunteer(name, phone, null, communityId), SELF, home -> true)
                    .id();
            if (!store.bind(ticket.openid(), ticket.unionid(), volunteerId, "SELF_REGISTRATION", SELF)) {
                throw ApiException.conflict("WECHAT_ALREADY_BOUND");
            }
            store.spendTicket(hash);
            return signed(volunteerId);
        });
    }

    /** Whether residents may register themselves in this region, and which region's rule says so (none: closed). */
    public Optional<SignInStore.SelfRegistrationRule> selfRegistration(long regionId) {
        return tx.inNew(() -> {
            regions.find(regionId).orElseThrow(() -> ApiException.notFound("REGION_NOT_FOUND", regionId));
            return store.selfRegistrationInForce(regionId);
        });
    }

    /** An admin opens or closes self-registration for a region's subtree; the rule now in force. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SignInStore.SelfRegistrationRule> setSelfRegistration(Caller caller, long regionId, boolean allowed) {
        regions.find(regionId).orElseThrow(() -> ApiException.notFound("REGION_NOT_FOUND", regionId));
        store.putSelfRegistration(regionId, allowed, caller.subject());
        return store.selfRegistrationInForce(regionId);
    }

    /** Staff serving the volunteer's home community (or an admin) unbind their WeChat account; its refresh tokens end. */
    public void unbind(Caller caller, long volunteerId) {
        tx.inNew(() -> {
            VolunteerRef volunteer = volunteers.find(volunteerId)
                    .filter(v -> caller.covers(regions.require(v.homeCommunityId()).pathIds()))
                    .orElseThrow(() -> ApiException.notFound("VOLUNTEER_NOT_FOUND", volunteerId));
            store.unbind(volunteer.id(), caller.subject())
                    .orElseThrow(() -> ApiException.notFound("WECHAT_BINDING_NOT_FOUND", volunteerId));
            store.revokeAll(volunteer.id());
            return null;
        });
    }

    private SignIn.Signed signed(long volunteerId) {
        return signed(volunteerId, UUID.randomUUID());
    }

    private SignIn.Signed signed(long volunteerId, UUID family) {
        String refresh = OpaqueToken.random();
        store.addRefresh(OpaqueToken.hash(refresh), family, volunteerId, Instant.now().plus(config.refreshTokenTtl()));
        return new SignIn.Signed(volunteerId, tokens.issue(volunteerId), tokens.ttlSeconds(), refresh);
    }
}
