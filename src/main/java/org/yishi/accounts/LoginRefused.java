package org.yishi.accounts;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused, with a message code and arguments for the user's language. */
class LoginRefused extends AuthenticationException {

    private final String code;
    private final transient Object[] args;

    LoginRefused(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args;
    }

    String code() {
        return code;
    }

    Object[] args() {
        return args;
    }
}
