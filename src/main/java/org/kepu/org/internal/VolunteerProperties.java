package org.kepu.org.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param districts the city's districts (区县市) a volunteer may serve in; any other is refused. The default
 *                  is 益阳市's list: set it for another city.
 */
@ConfigurationProperties("kepu.org.volunteers")
record VolunteerProperties(
        @DefaultValue({"资阳区", "赫山区", "南县", "桃江县", "安化县", "沅江市", "大通湖区", "益阳高新区"}) List<String> districts) {

    VolunteerProperties {
        districts = List.copyOf(districts);
    }
}
