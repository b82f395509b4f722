package org.dprktrade.briefing.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what. Two accounts: the operator (role {@code OPERATOR}: look, run, deliver, metrics) and an
 * optional viewer (role {@code VIEWER}: look and download). The console uses form login and a session that
 * expires ({@code server.servlet.session.timeout}); {@code /api} and the actuator use HTTP basic, or the
 * console's session, in which case a change needs the CSRF token like any form. The open endpoints are the
 * login page, the style sheet, {@code /actuator/health} (status only) and {@code /actuator/info}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String OPERATOR = "OPERATOR";
    static final String VIEWER = "VIEWER";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(OPERATOR, VIEWER)
                        .anyRequest().hasRole(OPERATOR))
                .httpBasic(basic -> { })
                // a script sending its credentials with every call is no CSRF target; a browser's cookie is
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/error", "/favicon.ico").permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(OPERATOR, VIEWER)
                        .requestMatchers("/logout").authenticated()
                        .anyRequest().hasRole(OPERATOR))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'")));
        return http.build();
    }

    /** The accounts, with passwords hashed at start; a locked account is refused before its password is checked. */
    @Bean
    UserDetailsService users(ConsoleProperties console, Environment environment, LoginAttempts attempts) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<UserDetails> accounts = new ArrayList<>();
        String operatorPassword = ConsoleProperties.password(environment, ConsoleProperties.PASSWORD_VARIABLE);
        if (operatorPassword != null) {
            accounts.add(User.withUsername(console.username()).password(encoder.encode(operatorPassword))
                    .roles(OPERATOR).build());
        }
        String viewerPassword = ConsoleProperties.password(environment, ConsoleProperties.VIEWER_PASSWORD_VARIABLE);
        if (viewerPassword != null) {
            accounts.add(User.withUsername(console.viewerUsername()).password(encoder.encode(viewerPassword))
                    .roles(VIEWER).build());
        }
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(accounts);
        return username -> {
            UserDetails user = manager.loadUserByUsername(username);
            if (user == null) {
                throw new UsernameNotFoundException(username);
            }
            return User.withUserDetails(user).accountLocked(attempts.isLocked(username)).build();
        };
    }
}
