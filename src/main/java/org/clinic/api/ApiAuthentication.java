package org.clinic.api;

import org.clinic.security.Channels;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/** An API call authenticated by its bearer token: the token's role, and the mark of the API channel. */
final class ApiAuthentication extends AbstractAuthenticationToken {

    private final ApiClient client;

    ApiAuthentication(ApiClient client) {
        super(List.of(new SimpleGrantedAuthority(client.role().authority()),
                new SimpleGrantedAuthority(Channels.API_AUTHORITY))); // the meters count its acts as the API's
        this.client = client;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public ApiClient getPrincipal() {
        return client;
    }

    @Override
    public String getName() {
        return client.actor();
    }
}
