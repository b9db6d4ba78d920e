//! The built-in packs and dictionaries as build.rs baked them: their YAML turned into JSON, which
//! serde reads several times faster. A file is read from JSON only when its text is exactly a
//! built-in one; an error, or any other file, is read from the YAML, which locates it.

use super::error::{PackError, YamlSource};
use serde::de::DeserializeOwned;

/// (YAML text, JSON of it) of every rules/*.yaml and rules/dict/*.yaml, written by build.rs.
static FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/baked_files.rs"));

impl YamlSource {
    /// The file as serde type `T`; YAML and schema errors are located by serde_yaml.
    pub fn read<T: DeserializeOwned>(&self) -> Result<T, PackError> {
        let json = FILES.iter().find(|(yaml, _)| **yaml == **self.text);
        if let Some(Ok(value)) = json.map(|(_, json)| serde_json::from_str(json)) {
            return Ok(value);
        }
        serde_yaml::from_str(&self.text).map_err(|e| self.serde_error(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::FILES;
    use crate::dict::DictFile;
    use crate::pack::PackFile;

    /// The JSON reads as the same pack or dictionary as its YAML.
    #[test]
    fn baked_json_reads_as_its_yaml() {
        assert!(FILES.len() >= 6, "only {} baked", FILES.len());
        for (yaml, json) in FILES {
            let same = match serde_yaml::from_str::<PackFile>(yaml) {
                Ok(p) => {
                    format!("{p:?}")
                        == format!("{:?}", serde_json::from_str::<PackFile>(json).unwrap())
                }
                Err(_) => {
                    let d: DictFile = serde_yaml::from_str(yaml).unwrap();
                    format!("{d:?}")
                        == format!("{:?}", serde_json::from_str::<DictFile>(json).unwrap())
                }
            };
            assert!(same, "{}", &yaml[..yaml.len().min(80)]);
        }
    }
}
