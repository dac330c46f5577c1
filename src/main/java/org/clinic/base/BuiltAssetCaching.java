package org.clinic.base;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The production frontend bundle is kept by browsers for a year without asking again. Every file under
 * {@code /VAADIN/build/} carries a hash of its content in its name (Vite names them {@code name-hash.js}, and the
 * bootstrap page, which is never cached, names the ones a release uses), so a release never changes a file under a
 * name a browser may hold. Vaadin marks them cacheable for an hour only, after which every screen's first load of the
 * day asks again for each chunk; here its hour becomes a year, marked immutable, so a reload never revalidates them
 * either. Development mode, where Vaadin forbids caching, is left alone. (Stylesheets named by {@code @StyleSheet}
 * already get a year: Vaadin adds a content version to their address.)
 */
@Configuration(proxyBeanMethods = false)
class BuiltAssetCaching {

    static final String BUILT_ASSETS = "/VAADIN/build/*";
    static final String FOR_A_YEAR = "public, max-age=31536000, immutable";
    private static final String CACHE_CONTROL = "Cache-Control";

    @Bean
    FilterRegistrationBean<Filter> builtAssetCachingFilter() {
        Filter filter = (request, response, chain) -> chain.doFilter(request,
                new YearLongCaching((HttpServletResponse) response));
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(BUILT_ASSETS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Turns the cache lifetime Vaadin grants a built file ({@code max-age=N}) into a year; anything else passes. */
    static String cacheControl(String vaadins) {
        return vaadins.startsWith("max-age=") && !vaadins.equals("max-age=0") ? FOR_A_YEAR : vaadins;
    }

    private static final class YearLongCaching extends HttpServletResponseWrapper {

        YearLongCaching(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, CACHE_CONTROL.equalsIgnoreCase(name) ? cacheControl(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, CACHE_CONTROL.equalsIgnoreCase(name) ? cacheControl(value) : value);
        }
    }
}
