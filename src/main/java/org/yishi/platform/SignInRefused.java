package org.yishi.platform;

/** Credentials were refused (wrong, locked, disabled): answered with 401 and the reason in the user's language. */
public class SignInRefused extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public SignInRefused(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }
}
