package org.dprktrade.briefing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

/**
 * The console, the API and the actuator through the real security filter chain (MockMvc): who may do
 * what, CSRF, login lock-out, a run started through the API and its report downloaded, traversal refused.
 */
@SpringBootTest(properties = {
        "spring.main.web-application-type=servlet",
        "BRIEFING_CONSOLE_PASSWORD=operator-secret-1",
        "BRIEFING_CONSOLE_VIEWER_PASSWORD=viewer-secret-1",
        "briefing.console.max-failed-logins=3",
        "briefing.console.lockout=2s",
        "briefing.delivery.mode=outbox",
        "logging.threshold.console=OFF"})
@AutoConfigureMockMvc
class ConsoleSecurityIntegrationTests {

    @TempDir
    static Path reports;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("briefing.reports-dir", reports::toString);
        registry.add("briefing.input-dir", () -> Path.of("input").toAbsolutePath().toString());
    }

    @Autowired
    MockMvc mvc;

    @Nested
    class OpenEndpoints {

        @Test
        void healthShowsOnlyTheStatusWithoutLogin() throws Exception {
            String body = mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("schedule");
        }

        @Test
        void healthDetailsIncludeTheScheduleForTheLoggedIn() throws Exception {
            mvc.perform(get("/actuator/health").with(httpBasic("viewer", "viewer-secret-1")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.components.schedule.status").value("UP"))
                    .andExpect(jsonPath("$.components.schedule.details.lastScheduledRun").value("none yet"))
                    .andExpect(jsonPath("$.components.db.status").value("UP"))
                    .andExpect(jsonPath("$.components.diskSpace.details.path").value(reports.toString()));
        }

        @Test
        void infoNamesTheVersion() throws Exception {
            mvc.perform(get("/actuator/info")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.build.version").isNotEmpty())
                    .andExpect(jsonPath("$.build.time").isNotEmpty());
        }

        @Test
        void theLoginPageCarriesACsrfField() throws Exception {
            mvc.perform(get("/login")).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
        }
    }

    @Nested
    class Refusals {

        @Test
        void theApiWithoutLoginIs401() throws Exception {
            mvc.perform(get("/api/runs")).andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")));
        }

        @Test
        void aPageWithoutLoginRedirectsToTheLoginPage() throws Exception {
            mvc.perform(get("/runs")).andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        }

        @Test
        void aWrongPasswordIs401() throws Exception {
            mvc.perform(get("/api/runs").with(httpBasic("operator", "wrong"))).andExpect(status().isUnauthorized());
        }

        @Test
        void theViewerMayNotStartARun() throws Exception {
            mvc.perform(post("/api/runs").with(httpBasic("viewer", "viewer-secret-1"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2014-Q3\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/rerun").with(user("viewer").roles("VIEWER")).with(csrf()).param("period", "2014-Q3"))
                    .andExpect(status().isForbidden());
        }

        @Test
        void theViewerMayNotReadMetrics() throws Exception {
            mvc.perform(get("/actuator/prometheus").with(httpBasic("viewer", "viewer-secret-1")))
                    .andExpect(status().isForbidden());
        }

        @Test
        void quartzIsNotExposed() throws Exception {
            mvc.perform(get("/actuator/quartz").with(httpBasic("operator", "operator-secret-1")))
                    .andExpect(status().isNotFound());
        }

        @Test
        void aBadPeriodIs400WithOneLine() throws Exception {
            mvc.perform(post("/api/runs").with(httpBasic("operator", "operator-secret-1"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2014-Q5\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("'2014-Q5' is not a quarter: the quarter number must be 1 to 4"));
        }

        @Test
        void anUnknownRunIs404() throws Exception {
            mvc.perform(get("/api/runs/999999").with(httpBasic("viewer", "viewer-secret-1")))
                    .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("no run 999999"));
        }

        @Test
        void aCookieAuthenticatedPostWithoutCsrfTokenIsRefused() throws Exception {
            MockHttpSession session = login("operator", "operator-secret-1");
            mvc.perform(post("/api/runs").session(session).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"period\":\"2014-Q3\"}")).andExpect(status().isForbidden());
            mvc.perform(post("/rerun").session(session).param("period", "2014-Q3")).andExpect(status().isForbidden());
        }

        @Test
        void anAccountIsLockedAfterRepeatedFailures() throws Exception {
            for (int i = 0; i < 3; i++) {
                mvc.perform(formLogin().user("viewer").password("guess-" + i))
                        .andExpect(header().string("Location", "/login?error"));
            }
            // the right password no longer opens it while the lock lasts
            mvc.perform(formLogin().user("viewer").password("viewer-secret-1"))
                    .andExpect(header().string("Location", "/login?error"));
            mvc.perform(get("/api/runs").with(httpBasic("viewer", "viewer-secret-1"))).andExpect(status().isUnauthorized());

            Thread.sleep(2_100);
            mvc.perform(get("/api/runs").with(httpBasic("viewer", "viewer-secret-1"))).andExpect(status().isOk());
        }
    }

    @Test
    void aRunStartedThroughTheApiCompletesAndItsPdfDownloads() throws Exception {
        MvcResult started = mvc.perform(post("/api/runs").with(httpBasic("operator", "operator-secret-1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2014q3\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.period").value("2014-Q3"))
                .andExpect(jsonPath("$.status").isNotEmpty())
                .andReturn();
        long id = ((Number) JsonPath.read(started.getResponse().getContentAsString(), "$.id")).longValue();
        assertThat(started.getResponse().getHeader("Location")).isEqualTo("/api/runs/" + id);

        String status = awaitEnd(id);
        assertThat(status).isEqualTo("COMPLETED");

        String detail = mvc.perform(get("/api/runs/" + id).with(httpBasic("viewer", "viewer-secret-1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((java.util.List<String>) JsonPath.read(detail, "$.reports")).containsExactlyInAnyOrder(
                "indicators-2014-Q3.csv", "data-quality-2014-Q3.csv", "briefing-2014-Q3.xlsx", "briefing-2014-Q3.pdf");
        assertThat((java.util.List<String>) JsonPath.read(detail, "$.steps[*].name")).containsExactly("ingestGrain",
                "ingestFertilizer", "ingestLabor", "ingestOil", "ingestMinerals", "computeIndicators", "writeReports", "deliverBriefing");
        assertThat((Integer) JsonPath.read(detail, "$.steps[0].read")).isEqualTo(180);
        assertThat((String) JsonPath.read(detail, "$.recipients[0].status")).isEqualTo("SENT");

        byte[] pdf = mvc.perform(get("/api/runs/" + id + "/reports/briefing-2014-Q3.pdf")
                        .with(httpBasic("viewer", "viewer-secret-1")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(pdf).isEqualTo(Files.readAllBytes(reports.resolve("2014-Q3/briefing-2014-Q3.pdf")));

        // only the run's recorded reports, never a path from the request
        Files.writeString(reports.resolve("2014-Q3/secret.txt"), "not a report");
        for (String file : new String[] {"secret.txt", "..%2F.state%2Fbriefing.mv.db", ".manifest", "%2e%2e"}) {
            int code = mvc.perform(get("/api/runs/" + id + "/reports/" + file).with(httpBasic("viewer", "viewer-secret-1")))
                    .andReturn().getResponse().getStatus();
            assertThat(code).as(file).isIn(400, 404);
        }

        mvc.perform(get("/api/quarters").with(httpBasic("viewer", "viewer-secret-1")))
                .andExpect(jsonPath("$[0].period").value("2014-Q3"))
                .andExpect(jsonPath("$[0].runId").value(id));

        // the console's pages show it
        String page = mvc.perform(get("/runs/" + id).with(user("viewer").roles("VIEWER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("briefing-2014-Q3.pdf").contains("ingestGrain").doesNotContain("Send again");
        String operatorPage = mvc.perform(get("/runs/" + id).with(user("operator").roles("OPERATOR")))
                .andReturn().getResponse().getContentAsString();
        assertThat(operatorPage).contains("Send again");

        String metrics = mvc.perform(get("/actuator/prometheus").with(httpBasic("operator", "operator-secret-1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(metrics).contains("briefing_rows_read_total{dataset=\"grain\"} 180.0")
                .contains("briefing_rows_rejected_total{dataset=\"grain\"} 0.0")
                .contains("briefing_deliveries{status=\"sent\"} 1.0")
                .contains("spring_batch_job_seconds_count{error=\"none\",spring_batch_job_name=\"quarterlyBriefing\","
                        + "spring_batch_job_status=\"COMPLETED\"} 1")
                .contains("spring_batch_item_read_seconds_count");
    }

    @Test
    void theSecondRunOfAPeriodThatIsRunningIsRefusedWith409() throws Exception {
        MvcResult first = mvc.perform(post("/api/runs").with(httpBasic("operator", "operator-secret-1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2013-Q4\"}"))
                .andExpect(status().isAccepted()).andReturn();
        long id = ((Number) JsonPath.read(first.getResponse().getContentAsString(), "$.id")).longValue();
        MvcResult second = mvc.perform(post("/api/runs").with(httpBasic("operator", "operator-secret-1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2013-Q4\"}")).andReturn();
        String firstStatus = awaitEnd(id);
        if (second.getResponse().getStatus() == 409) {
            assertThat((String) JsonPath.read(second.getResponse().getContentAsString(), "$.error"))
                    .startsWith("2013-Q4 is already being run by run " + id + " (started ");
        } else {
            // the first had already ended: a rerun is then allowed, never refused
            assertThat(firstStatus).isNotEqualTo("STARTED");
            assertThat(second.getResponse().getStatus()).isEqualTo(202);
        }
    }

    private String awaitEnd(long id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String status;
        do {
            Thread.sleep(200);
            String json = mvc.perform(get("/api/runs/" + id).with(httpBasic("viewer", "viewer-secret-1")))
                    .andReturn().getResponse().getContentAsString();
            status = JsonPath.read(json, "$.status");
        } while ((status.equals("STARTED") || status.equals("STARTING")) && System.nanoTime() < deadline);
        return status;
    }

    private MockHttpSession login(String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin().user(username).password(password))
                .andExpect(header().string("Location", "/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
