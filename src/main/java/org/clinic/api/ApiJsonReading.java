package org.clinic.api;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The API reads its request bodies strictly, and only its own: an unknown field, a number where a date or a name belongs, a null or
 * fraction where a number belongs, or anything after the JSON value is a 400, not silently ignored. Every other JSON the application reads
 * keeps Spring Boot's lenient mapper (the converter below declines any type outside this package).
 */
@Configuration(proxyBeanMethods = false)
class ApiJsonReading implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.addFirst(new StrictApiReader());
    }

    static final class StrictApiReader extends JacksonJsonHttpMessageConverter {

        StrictApiReader() {
            super(JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    // a date is "yyyy-MM-dd", never a number of days since 1970; a name is a string, never 5
                    .defaultLeniency(false)
                    .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                    .withCoercionConfig(LogicalType.Textual, text -> text
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                    .build());
        }

        @Override
        public boolean canRead(ResolvableType type, @Nullable MediaType mediaType) {
            Class<?> raw = type.resolve();
            return raw != null && raw.getPackageName().equals(ApiJsonReading.class.getPackageName())
                    && super.canRead(type, mediaType);
        }

        @Override
        public boolean canWrite(ResolvableType type, Class<?> valueClass, @Nullable MediaType mediaType) {
            return false; // answers are written by the application's usual converter
        }
    }
}
