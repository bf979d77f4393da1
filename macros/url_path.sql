{#- The path of a URL, lower case, without scheme, host, query, fragment or trailing slash ('/' for the root). -#}
{% macro url_path(url) -%}
    coalesce(
        nullif(
            {{ lead_funnel.regexp_replace_all(
                "lower(" ~ lead_funnel.regexp_extract(url, "^https?://[^/?#]+([^?#]*)") ~ ")", "/+$", ""
            ) }},
            ''
        ),
        '/'
    )
{%- endmacro %}
